package org.spectrumcomet.comet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IniFileTest {

    private static IniFile parse(String text) throws IOException {
        return IniFile.parse("comet.ini", new StringReader(text));
    }

    @Test
    void readsSectionsKeysAndSkipsComments() throws IOException {
        IniFile ini = parse("""
                # comment
                ; another
                [main]
                  key = value with spaces  \s
                empty =
                [ tenants ]
                15=abc#not-a-comment
                """);
        assertThat(ini.section("main")).containsEntry("key", new IniFile.Entry("value with spaces", 4))
                .containsEntry("empty", new IniFile.Entry("", 5));
        assertThat(ini.section("tenants").get("15").value()).isEqualTo("abc#not-a-comment");
        assertThat(ini.section("absent")).isEmpty();
        assertThat(ini.lineOf("tenants")).isEqualTo(6);
    }

    @Test
    void syntaxErrorsNameFileAndLine() {
        assertThatThrownBy(() -> parse("[main]\nfoo\n")).isInstanceOf(ConfigException.class)
                .hasMessage("comet.ini:2: expected '[section]' or 'key = value', got 'foo'");
        assertThatThrownBy(() -> parse("a = 1\n")).hasMessage("comet.ini:1: 'a' is outside any [section]");
        assertThatThrownBy(() -> parse("[x]\na=1\n\na = 2\n"))
                .hasMessage("comet.ini:4: key 'a' repeated (first at line 2)");
        assertThatThrownBy(() -> parse("[x]\n[y]\n[x]\n")).hasMessage("comet.ini:3: section [x] appears twice (first at line 1)");
        assertThatThrownBy(() -> parse("[main\n")).hasMessageStartingWith("comet.ini:1: expected");
        assertThatThrownBy(() -> parse("[main]\n= v\n")).hasMessageStartingWith("comet.ini:2:");
    }

    @Test
    void missingFileIsOneLine() {
        assertThatThrownBy(() -> IniFile.read(Path.of("/nonexistent/comet.ini")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("/nonexistent/comet.ini: cannot read");
    }
}
