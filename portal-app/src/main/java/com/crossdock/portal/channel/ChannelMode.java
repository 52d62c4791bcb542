package com.crossdock.portal.channel;

/** Whether a connection talks to the real channel or to the portal's own sandbox of it. */
public enum ChannelMode {
    SANDBOX, LIVE
}
