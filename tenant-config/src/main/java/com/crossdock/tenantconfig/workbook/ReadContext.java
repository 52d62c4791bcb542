package com.crossdock.tenantconfig.workbook;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;

/**
 * One read in progress: the limits, what was counted against them, and the listener. Calls to the listener go
 * through here so an exception the listener throws is told apart from one about the file (see
 * {@link ListenerFailure}).
 */
final class ReadContext {

    /** Progress is reported about every megabyte, often enough for a progress bar, rarely enough to cost nothing. */
    private static final long PROGRESS_STEP = 1024 * 1024;

    private final WorkbookLimits limits;
    private final WorkbookListener listener;
    private long rows;
    private long bytesRead;
    private long totalBytes;
    private long reportedAt;

    ReadContext(WorkbookLimits limits, WorkbookListener listener) {
        this.limits = limits;
        this.listener = listener;
    }

    WorkbookLimits limits() {
        return limits;
    }

    /** What {@link WorkbookListener#progress} counts up to: the file, or what the sheets of a zip unpack to. */
    void totalBytes(long totalBytes) {
        this.totalBytes = totalBytes;
    }

    void countRow() {
        if (++rows > limits.maxRows()) {
            throw limits.tooManyRows();
        }
    }

    /** {@code in}, counted towards progress and the unpacked-size limit. */
    InputStream counted(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int read = super.read();
                if (read >= 0) {
                    add(1);
                }
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    add(read);
                }
                return read;
            }
        };
    }

    void row(CatalogRow row) {
        try {
            listener.row(row);
        } catch (RuntimeException e) {
            throw new ListenerFailure(e);
        }
    }

    void problem(RowProblem problem) {
        try {
            listener.problem(problem);
        } catch (RuntimeException e) {
            throw new ListenerFailure(e);
        }
    }

    void notice(String notice) {
        try {
            listener.notice(notice);
        } catch (RuntimeException e) {
            throw new ListenerFailure(e);
        }
    }

    void finish() {
        reportProgress();
    }

    private void add(long bytes) {
        bytesRead += bytes;
        if (bytesRead > limits.maxUncompressedBytes()) {
            throw limits.unpacksTooLarge();
        }
        if (bytesRead - reportedAt >= PROGRESS_STEP) {
            reportProgress();
        }
    }

    private void reportProgress() {
        reportedAt = bytesRead;
        try {
            listener.progress(bytesRead, Math.max(totalBytes, bytesRead));
        } catch (RuntimeException e) {
            throw new ListenerFailure(e);
        }
    }

    /** An exception the listener threw, carried through the parsers to be rethrown as it was. */
    static final class ListenerFailure extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        ListenerFailure(RuntimeException cause) {
            super(cause);
        }

        RuntimeException original() {
            return (RuntimeException) getCause();
        }
    }
}
