package org.hospital.continuity.kiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = MessageBundlesTest.class.getClassLoader().getResourceAsStream("messages/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    @DisplayName("Chinese and English bundles hold the same keys, none empty")
    void bundlesMatch() throws IOException {
        Properties zh = bundle("messages_zh_CN.properties");
        Properties en = bundle("messages_en.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        zh.forEach((k, v) -> assertThat((String) v).as("zh %s", k).isNotBlank());
        en.forEach((k, v) -> assertThat((String) v).as("en %s", k).isNotBlank());
    }

    @Test
    @DisplayName("every message key used by the code and the pages has a text in both languages")
    void everyKeyHasAText() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern javaKey = Pattern.compile("\"((?:error)\\.[a-z0-9.-]+)\"");
        Pattern pageKey = Pattern.compile("data-t=\"([a-z0-9.-]+)\"|(?<![A-Za-z0-9_.])t\\('([a-z0-9.-]+)'\\)");
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.toString();
                if (!(name.endsWith(".java") || name.endsWith(".html") || name.endsWith(".js"))) {
                    continue;
                }
                String text = Files.readString(f);
                Matcher m = (name.endsWith(".java") ? javaKey : pageKey).matcher(text);
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        Properties zh = bundle("messages_zh_CN.properties");
        Properties en = bundle("messages_en.properties");
        assertThat(used).allSatisfy(k -> {
            assertThat(zh.getProperty(k)).as("zh text of %s", k).isNotNull();
            assertThat(en.getProperty(k)).as("en text of %s", k).isNotNull();
        });
    }
}
