package com.crossdock.portal.warehouse.sftp;

import com.crossdock.portal.warehouse.sandbox.WmsSimulator;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sandbox warehouse's SFTP server ({@code crossdock.wms-sandbox.*}).
 *
 * @param root where the server keeps its host key and one folder per account; {@code wms-sandbox} in
 *             {@code crossdock.home} unless set
 * @param port      the port it listens on at 127.0.0.1; 0 picks a free port when it starts
 * @param receiving how the sandbox warehouse receives inbound shipments announced with a 943: {@code RECEIVE_ALL}
 *                  (the default) or {@code SHORT_AND_DAMAGED} (one line a unit short, one unit damaged)
 */
@ConfigurationProperties("crossdock.wms-sandbox")
public record WmsSandboxProperties(Path root, @DefaultValue("0") int port,
        @DefaultValue("RECEIVE_ALL") WmsSimulator.Receiving receiving) {
}
