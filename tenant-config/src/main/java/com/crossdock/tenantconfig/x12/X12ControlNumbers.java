package com.crossdock.tenantconfig.x12;

/**
 * The control numbers of one outbound interchange, kept and advanced per partner by the caller.
 *
 * @param interchange      ISA13/IEA02, 1 to 999999999
 * @param group            GS06/GE02, 1 to 999999999
 * @param firstTransaction ST02/SE02 of the first transaction set; the following ones count up from it
 */
public record X12ControlNumbers(long interchange, long group, long firstTransaction) {

    public X12ControlNumbers {
        for (long n : new long[] {interchange, group, firstTransaction}) {
            if (n < 1 || n > 999_999_999L) {
                throw new IllegalArgumentException("Control numbers run from 1 to 999999999, not " + n);
            }
        }
    }
}
