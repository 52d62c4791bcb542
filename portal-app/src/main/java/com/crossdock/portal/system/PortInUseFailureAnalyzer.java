package com.crossdock.portal.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;

/** "Port in use" in words: which port, and the setting that moves the portal to another one. */
class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis(
                "Crossdock could not start its web server: port " + cause.getPort() + " is already in use "
                        + "(another Crossdock, or another program, is listening on it).",
                "Stop the program using port " + cause.getPort() + ", or start Crossdock on another port: set "
                        + "CROSSDOCK_PORT=8081 (environment) or pass --server.port=8081.",
                cause);
    }
}
