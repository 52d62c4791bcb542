package com.crossdock.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Crossdock portal. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrossdockApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrossdockApplication.class, args);
    }
}
