package org.hospital.continuity.server.hisfeed.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A piece's content hash: the records' text in a stable order, so an unchanged piece is not applied again. */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(List<?> records) {
        List<String> lines = records.stream().map(String::valueOf).sorted().toList();
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                d.update(l.getBytes(StandardCharsets.UTF_8));
                d.update((byte) '\n');
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
