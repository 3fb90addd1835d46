package org.hotline12345.examples.portal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline12345.workflow.NotAuthorizedException;
import org.hotline12345.workflow.access.Actor;
import org.hotline12345.workflow.access.Role;
import org.hotline12345.workflow.events.CaseEventListener;
import org.hotline12345.workflow.events.CaseEventNotice;
import org.hotline12345.workflow.events.EventDeliveries;
import org.hotline12345.workflow.events.FailedDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's notification channel: it logs every domain event (where a real portal would send an SMS or a WeCom
 * message), lets supervisors see and retry deliveries that kept failing, and in the demo profile offers a listener
 * that can be switched to fail, to show the retry path.
 */
@Configuration(proxyBeanMethods = false)
class PortalNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(PortalNotifications.class);

    @Bean
    CaseEventListener loggingListener() {
        return new CaseEventListener() {
            @Override
            public String name() {
                return "portal-log";
            }

            @Override
            public void onEvent(CaseEventNotice notice) {
                LOG.info("event {} {} case {} by {}{}: {}", notice.idempotencyKey(), notice.eventName(), notice.caseNumber(),
                        notice.actor(), notice.deadline() == null ? "" : ", deadline " + notice.deadline(), notice.detail());
            }
        };
    }

    /** Fails every delivery while switched on through {@code POST /api/demo/notifications}. */
    static final class SwitchableFailingListener implements CaseEventListener {
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public String name() {
            return "demo-failing";
        }

        @Override
        public void onEvent(CaseEventNotice notice) {
            if (failing.get()) {
                throw new IllegalStateException("demo: the notification channel is switched to fail");
            }
        }
    }

    @Bean
    @Profile("demo")
    SwitchableFailingListener switchableFailingListener() {
        return new SwitchableFailingListener();
    }

    @RestController
    static class FailedDeliveries {

        private final EventDeliveries deliveries;

        FailedDeliveries(EventDeliveries deliveries) {
            this.deliveries = deliveries;
        }

        record FailedDeliveryJson(String id, String listener, String caseId, long sequence, int attempts, String error) {
            static FailedDeliveryJson of(FailedDelivery delivery) {
                return new FailedDeliveryJson(delivery.id(), delivery.listener(), delivery.caseId().value(), delivery.sequence(),
                        delivery.attempts(), delivery.error());
            }
        }

        @GetMapping("/api/notifications/failed")
        List<FailedDeliveryJson> failed(Authentication user) {
            requireSupervisor(user);
            return deliveries.failed().stream().map(FailedDeliveryJson::of).toList();
        }

        @PostMapping("/api/notifications/{id}/retry")
        Map<String, String> retry(Authentication user, @PathVariable String id) {
            requireSupervisor(user);
            deliveries.retry(id);
            return Map.of("retried", id);
        }

        private static void requireSupervisor(Authentication user) {
            Actor actor = Actors.of(user);
            if (!actor.has(Role.SUPERVISOR)) {
                throw new NotAuthorizedException("user '" + actor.userId() + "' may not manage notifications: it needs SUPERVISOR");
            }
        }
    }

    @RestController
    @Profile("demo")
    static class DemoSwitch {

        record Switch(Boolean failing) {
        }

        private final SwitchableFailingListener listener;

        DemoSwitch(SwitchableFailingListener listener) {
            this.listener = listener;
        }

        @PostMapping("/api/demo/notifications")
        Map<String, Boolean> set(@RequestBody Switch body) {
            listener.failing.set(Boolean.TRUE.equals(body.failing()));
            return Map.of("failing", listener.failing.get());
        }
    }
}
