package com.crossdock.tenantconfig.x12;

/** Test helper: puts a bare ST..SE transaction (delimiters {@code *} and {@code ~}) into an ISA/GS envelope. */
final class Envelopes {

    private Envelopes() {
    }

    static String wrap(String transaction, String functionalId) {
        String body = transaction.strip();
        return "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*U*00401*"
                + "000000001*0*P*>~\nGS*" + functionalId + "*SENDER*RECEIVER*20240101*1200*1*X*004010~\n" + body
                + "\nGE*1*1~\nIEA*1*000000001~\n";
    }
}
