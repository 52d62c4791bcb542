package com.crossdock.portal.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when no external database URL is configured, so the embedded PostgreSQL is the default. */
public class NoExternalDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !usesExternalDatabase(context.getEnvironment());
    }

    /** Whether the environment names an external database. */
    public static boolean usesExternalDatabase(org.springframework.core.env.Environment environment) {
        return StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }
}
