package com.crossdock.e2e.keycloak;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keycloak's "update your account" e-mail, as received by the test's SMTP server. */
record Invitation(String recipient, String subject, String text) {

    private static final Pattern ACTION_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?key=[\\w.\\-]+\\S*");

    static Invitation of(MimeMessage message) {
        try {
            return new Invitation(message.getAllRecipients()[0].toString(), message.getSubject(), plainText(message));
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable e-mail", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The link that lets the person set a password (the action token), decoded from the plain-text part. */
    String actionLink() {
        Matcher matcher = ACTION_LINK.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("No action link in the e-mail:\n" + text);
        }
        return matcher.group().replace("&amp;", "&");
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = plainText(body);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
