package sportello.web.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.InstantSource;
import java.time.ZoneId;
import sportello.ports.in.ChangeMode;
import sportello.ports.in.EditProfile;
import sportello.ports.in.ManageCustomerData;
import sportello.ports.in.QueryAnalytics;
import sportello.ports.in.QueryConversations;
import sportello.ports.in.SendStaffReply;
import sportello.ports.in.SendTemplate;
import sportello.ports.in.ViewMedia;
import sportello.web.access.AccessControl;

/** The staff dashboard's handlers, built once from the driving ports; {@code WebApp} routes to them. */
public final class Dashboard {

    private final ConversationListRoutes list;
    private final ConversationRoutes conversation;
    private final AnalyticsRoutes analytics;
    private final LoginRoutes login;
    private final LanguageRoutes language = new LanguageRoutes();

    public Dashboard(
            QueryConversations queries,
            SendStaffReply staffReply,
            SendTemplate templates,
            ChangeMode changeMode,
            EditProfile editProfile,
            QueryAnalytics analytics,
            ManageCustomerData customerData,
            ViewMedia media,
            AccessControl access,
            InstantSource clock,
            ZoneId zone,
            ObjectMapper json,
            boolean simulator) {
        var chrome = new Chrome(queries, media, clock, zone, simulator);
        this.list = new ConversationListRoutes(queries, chrome);
        this.conversation = new ConversationRoutes(
                queries, staffReply, changeMode, editProfile, customerData, new TemplateComposer(templates), chrome);
        this.analytics = new AnalyticsRoutes(analytics, chrome, json);
        this.login = new LoginRoutes(access);
    }

    public ConversationListRoutes list() {
        return list;
    }

    public ConversationRoutes conversation() {
        return conversation;
    }

    public AnalyticsRoutes analytics() {
        return analytics;
    }

    public LoginRoutes login() {
        return login;
    }

    public LanguageRoutes language() {
        return language;
    }
}
