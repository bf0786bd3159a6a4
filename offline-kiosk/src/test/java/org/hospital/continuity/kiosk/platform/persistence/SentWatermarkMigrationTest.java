package org.hospital.continuity.kiosk.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V0101: a kiosk file from before the watermark keeps exactly its unsent entries unsent. */
class SentWatermarkMigrationTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("EP-8.4 the watermark is backfilled from the outbox's SENT rows: nothing sent is re-counted, nothing unsent is lost")
    void watermarkIsBackfilledFromTheOutbox() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.db"))) {
            run(c, "db/kiosk/V0100__journal.sql");
            for (int seq = 1; seq <= 5; seq++) {
                try (PreparedStatement ps = c.prepareStatement("insert into journal values (?, 'k1', ?, 'registration', ?, 1, "
                        + "'PatientRegistered', 1, x'00', 'h', '2026-12-05T08:00:00Z', ?, 'cashier-1', 'DOWNTIME')")) {
                    ps.setString(1, "e" + seq);
                    ps.setInt(2, seq);
                    ps.setString(3, "s" + seq);
                    ps.setInt(4, seq);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("insert into outbox(entry_id, status) values (?, ?)")) {
                    ps.setString(1, "e" + seq);
                    ps.setString(2, seq <= 3 ? "SENT" : "PENDING");
                    ps.executeUpdate();
                }
            }
            run(c, "db/kiosk/V0101__journal_sent_watermark.sql");
            assertThat(position(c)).isEqualTo(3);
            assertThat(unsent(c)).isEqualTo(2);
            // run again on a file where the watermark already moved further: never moves back
            try (Statement st = c.createStatement()) {
                st.executeUpdate("update sync_checkpoint set position = 4 where peer = 'continuity-server'");
            }
            run(c, "db/kiosk/V0101__journal_sent_watermark.sql");
            assertThat(position(c)).isEqualTo(4);
        }
    }

    @Test
    @DisplayName("a new kiosk file starts with the watermark at 0")
    void newFileStartsAtZero() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("new.db"))) {
            run(c, "db/kiosk/V0100__journal.sql");
            run(c, "db/kiosk/V0101__journal_sent_watermark.sql");
            assertThat(position(c)).isZero();
        }
    }

    private static long position(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select position from sync_checkpoint where peer = 'continuity-server'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static long unsent(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from journal where kiosk_seq > "
                + "(select position from sync_checkpoint where peer = 'continuity-server')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void run(Connection c, String script) throws SQLException, IOException {
        String text;
        try (InputStream in = SentWatermarkMigrationTest.class.getClassLoader().getResourceAsStream(script)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement st = c.createStatement()) {
            for (String sql : SchemaMigrations.statements(text)) {
                st.execute(sql);
            }
        }
    }
}
