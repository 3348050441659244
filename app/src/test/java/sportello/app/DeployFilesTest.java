package sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The service definitions we ship (systemd, WinSW for Windows, Docker) start the jar the way the README says, as an
 * unprivileged user, restart it on failure and give it time to finish its work on stop. CI runs on Linux, so the
 * Windows service cannot be started here: this checks its configuration instead, which is what goes wrong in practice.
 */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    private static Duration seconds(String text) {
        var matcher = Pattern.compile("(\\d+)\\s*sec").matcher(text);
        assertThat(matcher.find()).as("a duration in seconds: " + text).isTrue();
        return Duration.ofSeconds(Long.parseLong(matcher.group(1)));
    }

    private static String first(Document xml, String tag) {
        var nodes = xml.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as("<" + tag + "> present").isPositive();
        return nodes.item(0).getTextContent().strip();
    }

    @Test
    void winswService_runsTheJarFromItsFolder_restartsOnFailure_andWaitsForTheDrain() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder()
                .parse(DEPLOY.resolve("windows/sportello.xml").toFile());

        assertThat(first(xml, "id")).isEqualTo("sportello");
        assertThat(first(xml, "executable")).isEqualTo("java");
        assertThat(first(xml, "arguments")).contains("-jar \"%BASE%\\sportello.jar\"");
        assertThat(first(xml, "workingdirectory"))
                .as("the working directory holds .env and ./data")
                .isEqualTo("%BASE%");
        assertThat(first(xml, "startmode")).isEqualTo("Automatic");
        var onFailure = xml.getElementsByTagName("onfailure");
        assertThat(onFailure.getLength()).isPositive();
        assertThat(onFailure.item(0).getAttributes().getNamedItem("action").getNodeValue())
                .isEqualTo("restart");
        assertThat(seconds(first(xml, "stoptimeout"))).isGreaterThan(Sportello.DRAIN_TIMEOUT);
    }

    @Test
    void systemdUnit_runsAsItsOwnUser_restartsOnFailure_andWaitsForTheDrain() throws Exception {
        var unit = Files.readString(DEPLOY.resolve("systemd/sportello.service"));

        assertThat(unit).contains("User=sportello", "Restart=on-failure", "KillSignal=SIGTERM");
        assertThat(unit).containsPattern("ExecStart=/usr/bin/java .*-jar /opt/sportello/sportello.jar");
        var stop = Pattern.compile("TimeoutStopSec=(\\d+)").matcher(unit);
        assertThat(stop.find()).isTrue();
        assertThat(Duration.ofSeconds(Long.parseLong(stop.group(1)))).isGreaterThan(Sportello.DRAIN_TIMEOUT);
    }

    @Test
    void dockerImage_runsUnprivileged_withDataOnAVolume() throws Exception {
        var dockerfile = Files.readString(Path.of("..", "Dockerfile"));

        assertThat(dockerfile).contains("USER sportello", "VOLUME /data", "ENV DATA_DIR=/data");
        assertThat(dockerfile).containsPattern("ENTRYPOINT \\[\"java\".*\"-jar\", \"/app/sportello.jar\"\\]");
    }

    @Test
    void everyWayToRunIt_usesTheSameMemoryAndStartupOptions_asTheReadme() throws Exception {
        var readme = Files.readString(Path.of("..", "README.md"));
        var unit = Files.readString(DEPLOY.resolve("systemd/sportello.service"));
        var winsw = Files.readString(DEPLOY.resolve("windows/sportello.xml"));
        var dockerfile = Files.readString(Path.of("..", "Dockerfile"));

        for (String launch : List.of(readme, unit, winsw, dockerfile)) {
            assertThat(launch)
                    .contains(
                            "-Xmx128m",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+AutoCreateSharedArchive",
                            "-XX:SharedArchiveFile=",
                            "-Xlog:cds=off");
        }
    }
}
