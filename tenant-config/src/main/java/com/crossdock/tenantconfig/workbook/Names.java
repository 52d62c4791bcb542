package com.crossdock.tenantconfig.workbook;

import java.util.Collection;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** How headers, sheet names and choice values are compared: loosely, the way a person reads them. */
final class Names {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Names() {
    }

    /**
     * The comparable form of a name: lower case, letters and digits only, so {@code "Eaches per pack"},
     * {@code "EACHES_PER_PACK"} and {@code "eaches-per-pack*"} are one name.
     */
    static String key(String name) {
        StringBuilder key = new StringBuilder(name.length());
        name.codePoints().filter(Character::isLetterOrDigit)
                .forEach(c -> key.appendCodePoint(Character.toLowerCase(c)));
        return key.toString();
    }

    /**
     * The candidate most likely meant as {@code typed}: a typo of it ("Descripton" for "Description") or an
     * abbreviation ("Qty" for "Quantity"), if any is close enough.
     */
    static Optional<String> nearest(String typed, Collection<String> candidates) {
        String typedKey = key(typed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = DISTANCE.apply(typedKey, key(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // a third of the word may be wrong, but at least two letters, so short names still get a suggestion
        int tolerated = Math.max(2, typedKey.length() / 3);
        if (best != null && bestDistance <= tolerated) {
            return Optional.of(best);
        }
        return candidates.stream().filter(candidate -> isAbbreviation(key(candidate), typedKey)).findFirst();
    }

    /** Whether {@code shorter} keeps the first letter of {@code longer} and some of the rest in order ("qty"). */
    private static boolean isAbbreviation(String shorter, String longer) {
        if (shorter.length() < 3 || shorter.length() >= longer.length() || shorter.charAt(0) != longer.charAt(0)) {
            return false;
        }
        int found = 0;
        for (int i = 0; i < longer.length() && found < shorter.length(); i++) {
            found += longer.charAt(i) == shorter.charAt(found) ? 1 : 0;
        }
        return found == shorter.length();
    }

    /** The candidate closest to {@code typed}, however far. */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        String typedKey = key(typed);
        return candidates.stream().min((a, b) -> Integer.compare(DISTANCE.apply(typedKey, key(a)),
                DISTANCE.apply(typedKey, key(b))));
    }
}
