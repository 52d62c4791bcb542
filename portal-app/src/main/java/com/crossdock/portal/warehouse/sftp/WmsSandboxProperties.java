package com.crossdock.portal.warehouse.sftp;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sandbox warehouse's SFTP server ({@code crossdock.wms-sandbox.*}).
 *
 * @param root where the server keeps its host key and one folder per account; {@code wms-sandbox} in
 *             {@code crossdock.home} unless set
 * @param port the port it listens on at 127.0.0.1; 0 picks a free port when it starts
 */
@ConfigurationProperties("crossdock.wms-sandbox")
public record WmsSandboxProperties(Path root, @DefaultValue("0") int port) {
}
