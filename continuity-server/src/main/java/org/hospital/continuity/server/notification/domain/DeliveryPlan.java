package org.hospital.continuity.server.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns one round of a notification into deliveries: every contact of every person of the tier, in the
 * person's language, plus the party's group contacts (robots in Chinese, in-app). Duplicate addresses of a
 * channel are sent once. Pure: ids, tokens and links come from the caller.
 */
public final class DeliveryPlan {

    private DeliveryPlan() {
    }

    /** The group robots and in-app posts are read by everybody: Chinese, the hospital's language. */
    public static final Language GROUP_LANGUAGE = Language.ZH_CN;

    public static List<PlannedDelivery> plan(UUID notificationId, NoticeKind kind, Map<String, Text> params,
                                             EscalationChain chain, int tier, int round, Instant now,
                                             Supplier<UUID> ids, Supplier<String> tokens,
                                             Function<String, String> ackLinkOfToken) {
        List<PlannedDelivery> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Person person : chain.tier(tier)) {
            for (Contact contact : person.contacts()) {
                if (contact.channel().isGroupChannel() || !seen.add(contact.channel() + "|" + contact.address())) {
                    continue;
                }
                out.add(one(notificationId, kind, params, tier, round, now, ids, tokens, ackLinkOfToken,
                        contact, person.id(), person.name(), person.language()));
            }
        }
        for (Contact group : chain.groups()) {
            if (!seen.add(group.channel() + "|" + group.address())) {
                continue;
            }
            out.add(one(notificationId, kind, params, tier, round, now, ids, tokens, ackLinkOfToken,
                    group, null, chain.partyCode(), GROUP_LANGUAGE));
        }
        return out;
    }

    private static PlannedDelivery one(UUID notificationId, NoticeKind kind, Map<String, Text> params, int tier, int round,
                                       Instant now, Supplier<UUID> ids, Supplier<String> tokens,
                                       Function<String, String> ackLinkOfToken, Contact contact, String personId,
                                       String name, Language language) {
        String token = tokens.get();
        String link = kind.requiresAcknowledgement() ? ackLinkOfToken.apply(token) : null;
        RenderedMessage message = NoticeTexts.render(kind, language, params, round, link);
        Delivery d = Delivery.queue(ids.get(), notificationId, contact.channel(), contact.address(), now);
        return new PlannedDelivery(d, tier, round, personId, name, message, token);
    }
}
