package sportello.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sportello.web.access.SameOrigin.Headers;
import sportello.web.access.SameOrigin.Verdict;

/** The rule that tells a state-changing request from our own pages from one another site made a browser send. */
class SameOriginTest {

    private static final String HOST = "192.168.1.10:8080";
    private static final String OURS = "http://192.168.1.10:8080";
    private static final String PAGE = OURS + "/dashboard/conversations/42";

    @Test
    void nullOrigin_withSameOriginFetchMetadata_isAllowed() {
        var verdict = SameOrigin.judge(new Headers("same-origin", "null", null, HOST));

        assertThat(verdict).isEqualTo(new Verdict.Allowed("Sec-Fetch-Site: same-origin"));
    }

    @Test
    void nullOrigin_withARefererOnThisHost_isAllowed() {
        var verdict = SameOrigin.judge(new Headers(null, "null", PAGE, HOST));

        assertThat(verdict).isEqualTo(new Verdict.Allowed("Referer"));
    }

    @Test
    void nullOrigin_fromAnotherSite_isRefused() {
        var crossSite = SameOrigin.judge(new Headers("cross-site", "null", null, HOST));
        var sameSite = SameOrigin.judge(new Headers("same-site", "null", null, HOST));
        var foreignReferer = SameOrigin.judge(new Headers(null, "null", "https://evil.example/page", HOST));

        assertThat(crossSite).isInstanceOf(Verdict.Refused.class);
        assertThat(sameSite).isInstanceOf(Verdict.Refused.class);
        assertThat(foreignReferer).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void nullOrigin_crossSite_isRefused_evenWithARefererOnThisHost() {
        var verdict = SameOrigin.judge(new Headers("cross-site", "null", PAGE, HOST));

        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void nullOrigin_withNothingToVouchForIt_isRefused_andSaysWhatToDo() {
        var verdict = SameOrigin.judge(new Headers(null, "null", null, HOST));

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Verdict.Refused.class,
                        refused -> assertThat(refused.reason()).contains("Origin: null", "referrers"));
    }

    @Test
    void anOriginOfAnotherHost_isRefused_whateverElseTheRequestSays() {
        var alone = SameOrigin.judge(new Headers(null, "https://evil.example", null, HOST));
        var withSameOrigin = SameOrigin.judge(new Headers("same-origin", "https://evil.example", PAGE, HOST));
        var otherPort = SameOrigin.judge(new Headers(null, "http://192.168.1.10:9090", null, HOST));
        var lookalike = SameOrigin.judge(new Headers(null, OURS + ".evil.example", null, HOST));

        assertThat(alone)
                .isEqualTo(new Verdict.Refused(
                        "This request came from another web site (https://evil.example) and was refused."));
        assertThat(withSameOrigin).isInstanceOf(Verdict.Refused.class);
        assertThat(otherPort).isInstanceOf(Verdict.Refused.class);
        assertThat(lookalike).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void crossSiteFetchMetadata_isRefused_evenWithOurOrigin() {
        var verdict = SameOrigin.judge(new Headers("cross-site", OURS, PAGE, HOST));

        assertThat(verdict)
                .isEqualTo(new Verdict.Refused(
                        "This request came from another web site (Sec-Fetch-Site: cross-site) and was refused."));
    }

    @Test
    void ourOrigin_isAllowed_withOrWithoutFetchMetadata() {
        var withMetadata = SameOrigin.judge(new Headers("same-origin", OURS, PAGE, HOST));
        var plainHttp = SameOrigin.judge(new Headers(null, OURS, PAGE, HOST));
        var upperCase =
                SameOrigin.judge(new Headers(" Same-Origin ", "HTTP://Sportello.LOCAL", null, "sportello.local"));

        assertThat(withMetadata).isEqualTo(new Verdict.Allowed("Origin"));
        assertThat(plainHttp).isEqualTo(new Verdict.Allowed("Origin"));
        assertThat(upperCase).isEqualTo(new Verdict.Allowed("Origin"));
    }

    @Test
    void noOrigin_andNoFetchMetadata_fromAScript_isAllowedAsBefore() {
        var verdict = SameOrigin.judge(new Headers(null, null, null, HOST));

        assertThat(verdict).isEqualTo(new Verdict.Allowed("no browser headers"));
    }

    @Test
    void noOrigin_butARefererOfAnotherHost_isRefused() {
        var foreign = SameOrigin.judge(new Headers(null, null, "https://evil.example/?to=" + OURS, HOST));
        var userInfo = SameOrigin.judge(new Headers(null, null, "http://" + HOST + "@evil.example/", HOST));
        var ours = SameOrigin.judge(new Headers(null, null, PAGE + "?q=a|b", HOST));

        assertThat(foreign).isInstanceOf(Verdict.Refused.class);
        assertThat(userInfo).isInstanceOf(Verdict.Refused.class);
        assertThat(ours).isEqualTo(new Verdict.Allowed("Referer"));
    }

    @Test
    void fetchMetadataOutsideTheSpecification_isIgnored_andTheOtherHeadersDecide() {
        var withOurOrigin = SameOrigin.judge(new Headers("same-planet", OURS, null, HOST));
        var withNullOrigin = SameOrigin.judge(new Headers("same-planet", "null", null, HOST));

        assertThat(withOurOrigin).isEqualTo(new Verdict.Allowed("Origin"));
        assertThat(withNullOrigin).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void aUserStartedNavigation_isAllowed() {
        var verdict = SameOrigin.judge(new Headers("none", "null", null, HOST));

        assertThat(verdict).isEqualTo(new Verdict.Allowed("Sec-Fetch-Site: none"));
    }
}
