package org.hospital.continuity.kiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;
import org.hospital.continuity.kiosk.platform.crypto.AtRestCipher;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabaseScripts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AtRestCipherTest {

    static AtRestCipher cipher() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new AtRestCipher(new SecretKeySpec(k, "AES"));
    }

    @Test
    @DisplayName("HR-13 sealed data opens only with the same key and the same row binding, and shows no clear text")
    void sealsAndOpens() {
        AtRestCipher c = cipher();
        byte[] sealed = c.seal("{\"name\":\"张三\",\"phone\":\"13912345678\"}", "entry-1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("13912345678");
        assertThat(c.openString(sealed, "entry-1")).contains("张三");
        assertThatThrownBy(() -> c.open(sealed, "entry-2")).isInstanceOf(AtRestCipher.TamperedDataException.class);
        assertThatThrownBy(() -> cipher().open(sealed, "entry-1")).isInstanceOf(AtRestCipher.TamperedDataException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> c.open(sealed, "entry-1")).isInstanceOf(AtRestCipher.TamperedDataException.class);
        assertThat(c.seal("x", "a")).isNotEqualTo(c.seal("x", "a"));
    }

    @Test
    @DisplayName("schema scripts split at statement ends but keep trigger bodies whole")
    void scriptSplitting() {
        assertThat(KioskDatabaseScripts.split("""
                -- a comment; with a semicolon
                create table a (x int);
                -- trigger follows
                create trigger t before delete on a
                begin
                  select raise(abort, 'no');
                end;
                insert into a values (1);
                """)).hasSize(3).element(1).asString().startsWith("-- trigger follows").endsWith("end;");
    }
}
