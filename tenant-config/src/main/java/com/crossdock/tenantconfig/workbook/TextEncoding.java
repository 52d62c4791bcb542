package com.crossdock.tenantconfig.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The character encoding of a CSV file: what its byte order mark says, else UTF-8 when every byte sequence is
 * valid UTF-8, else Windows-1252, which is what Excel on Windows writes for "CSV (Comma delimited)".
 *
 * @param bomLength    bytes of byte order mark to skip
 * @param windows1252  whether the encoding was a guess because the file is not UTF-8
 */
record TextEncoding(Charset charset, int bomLength, boolean windows1252) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Reads the stream to its end (UTF-8 is only known to be valid once all of it was seen). */
    static TextEncoding detect(CsvSheetReader.Source source) throws IOException {
        try (InputStream in = source.open()) {
            byte[] head = in.readNBytes(3);
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                return new TextEncoding(StandardCharsets.UTF_8, 3, false);
            }
            if (startsWith(head, 0xFF, 0xFE)) {
                return new TextEncoding(StandardCharsets.UTF_16LE, 2, false);
            }
            if (startsWith(head, 0xFE, 0xFF)) {
                return new TextEncoding(StandardCharsets.UTF_16BE, 2, false);
            }
            return isUtf8(head, in) ? new TextEncoding(StandardCharsets.UTF_8, 0, false)
                    : new TextEncoding(WINDOWS_1252, 0, true);
        }
    }

    private static boolean isUtf8(byte[] head, InputStream rest) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        bytes.put(head);
        boolean end = false;
        while (!end) {
            int read = rest.read(bytes.array(), bytes.position(), bytes.remaining());
            end = read < 0;
            if (read > 0) {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, end);
            if (result.isError()) {
                return false;
            }
            chars.clear();
            bytes.compact();
        }
        return !decoder.flush(chars).isError();
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
