package com.crossdock.portal.provisioning;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The brand's first admin: invited by e-mail when their tenant is created. */
public record BrandAdmin(String email, String name) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public BrandAdmin {
        email = email.strip().toLowerCase(java.util.Locale.ROOT);
        name = name.strip();
    }

    /** Why {@code email} is not an address an invitation can go to, or null. */
    public static @Nullable String emailProblem(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return "Enter the brand admin's e-mail address";
        }
        return email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches()
                ? "Enter an e-mail address like ana@brand.example" : null;
    }

    /** Why {@code name} is not a first and last name, or null. */
    public static @Nullable String nameProblem(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "Enter the brand admin's first and last name";
        }
        if (name.strip().length() > 120) {
            return "A name has at most 120 characters";
        }
        return name.strip().contains(" ") ? null : "Enter the first and the last name";
    }

    String firstName() {
        return name.substring(0, name.lastIndexOf(' ')).strip();
    }

    String lastName() {
        return name.substring(name.lastIndexOf(' ') + 1);
    }
}
