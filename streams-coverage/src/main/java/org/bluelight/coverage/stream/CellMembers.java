package org.bluelight.coverage.stream;

/**
 * Keys of the store of which officers are in reach of which cell: {@code <cell id>|<officer id>},
 * so that one cell's officers are one key prefix.
 */
final class CellMembers {

    private static final char SEPARATOR = '|';

    private CellMembers() {
    }

    static String key(String cellId, String officerId) {
        return cellId + SEPARATOR + officerId;
    }

    static String prefix(String cellId) {
        return cellId + SEPARATOR;
    }

    static String officerOf(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }
}
