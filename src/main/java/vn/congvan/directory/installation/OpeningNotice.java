package vn.congvan.directory.installation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.congvan.directory.DemoProvince;
import vn.congvan.platform.CongVanProperties;

/**
 * Tells whoever started CongVan, once it answers, where to open it and whom to sign in as: the
 * administrator, and in a demo installation a few demo officials to begin the day with.
 */
@Component
class OpeningNotice {

    private static final Logger log = LoggerFactory.getLogger(OpeningNotice.class);

    private final boolean demo;

    OpeningNotice(CongVanProperties properties) {
        this.demo = properties.demoEnabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String address = "http://localhost:" + web.getWebServer().getPort() + "/";
        if (demo) {
            log.info(
                    """

                    CongVan answers at {}
                    Sign in as {} (the administrator) or as a demo official, for instance {} (clerk
                    of the Provincial People's Committee), {} (its chairman), {} (clerk of the
                    Department of Home Affairs) or {} (the provincial monitor), with the demo
                    password (CONGVAN_DEMO_PASSWORD, or the one generated above). The demo's
                    certificates and sample documents are made in the background in the first minutes:
                    until the documents are made, pages can be read but nothing recorded, and
                    /actuator/health says OUT_OF_SERVICE.""",
                    address,
                    DemoProvince.ADMINISTRATOR,
                    DemoProvince.clerkOf(DemoProvince.COMMITTEE),
                    DemoProvince.leaderOf(DemoProvince.COMMITTEE),
                    DemoProvince.clerkOf(DemoProvince.HOME_AFFAIRS),
                    DemoProvince.PROVINCIAL_MONITOR);
        } else {
            log.info("CongVan answers at {}: sign in as {} (the administrator).", address, DemoProvince.ADMINISTRATOR);
        }
    }
}
