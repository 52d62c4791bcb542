package com.crossdock.tenantconfig.workbook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which sheet a CSV file or an XLSX sheet is, from its name or its headers. */
final class SheetNames {

    /** Sheets people add to explain a workbook; they are skipped without a notice. */
    private static final Set<String> INSTRUCTIONS = Set.of("readme", "instructions", "howto", "help", "notes",
            "about", "guide", "info");

    private SheetNames() {
    }

    /**
     * The sheet a sheet name or file name stands for: its title ("FBA prep"), its name ("PREP") or its CSV file
     * name with or without ".csv", compared loosely.
     */
    static Optional<Sheet> byName(String name) {
        String key = Names.key(withoutExtension(name));
        return Arrays.stream(Sheet.values()).filter(sheet -> keys(sheet).contains(key)).findFirst();
    }

    /** Whether a sheet or file is there to explain the workbook ("Read me", "README.txt", "Instructions"). */
    static boolean isInstructions(String name) {
        String key = Names.key(withoutExtension(name));
        return INSTRUCTIONS.stream().anyMatch(key::startsWith);
    }

    /**
     * The sheet whose headers the cells hold most of. On a tie the file name decides, exactly ("items.csv") or
     * loosely ("acme-items-2026.csv"); when no header is known, only an exact file name does. Empty when neither
     * settles it.
     */
    static Optional<Sheet> byHeaders(List<String> headerCells, String fileName) {
        int best = Arrays.stream(Sheet.values()).mapToInt(sheet -> HeaderRow.matches(sheet, headerCells)).max()
                .orElse(0);
        if (best == 0) {
            return byName(fileName);
        }
        List<Sheet> candidates = Arrays.stream(Sheet.values())
                .filter(sheet -> HeaderRow.matches(sheet, headerCells) == best).toList();
        if (candidates.size() == 1) {
            return Optional.of(candidates.getFirst());
        }
        Optional<Sheet> named = byName(fileName).filter(candidates::contains);
        if (named.isPresent()) {
            return named;
        }
        String fileKey = Names.key(withoutExtension(fileName));
        List<Sheet> mentioned = candidates.stream()
                .filter(sheet -> keys(sheet).stream().anyMatch(fileKey::contains)).toList();
        return mentioned.size() == 1 ? Optional.of(mentioned.getFirst()) : Optional.empty();
    }

    /** The sheets' titles as a person reads a list: "Items, Packs, Aliases, Bundles or FBA prep". */
    static String titles() {
        List<String> titles = Arrays.stream(Sheet.values()).map(Sheet::title).toList();
        return String.join(", ", titles.subList(0, titles.size() - 1)) + " or " + titles.getLast();
    }

    private static List<String> keys(Sheet sheet) {
        return List.of(Names.key(sheet.title()), Names.key(sheet.name()),
                Names.key(withoutExtension(sheet.csvFileName())));
    }

    private static String withoutExtension(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
