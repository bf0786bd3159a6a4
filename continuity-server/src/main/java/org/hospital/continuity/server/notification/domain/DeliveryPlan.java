package org.hospital.continuity.server.notification.domain;

import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.Text;
import org.hospital.continuity.server.platform.text.Language;
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
 * channel are sent once. A robot's delivery carries the digest of its post, by which the store posts a notice that
 * one event raised for several parties only once to a robot serving several of them. Pure: ids, tokens and links
 * come from the caller.
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
        String digest = null;
        if (contact.channel().isGroupChannel() && contact.channel() != Channel.IN_APP) {
            RenderedMessage withoutLink = link == null ? message : NoticeTexts.render(kind, language, params, round, null);
            digest = groupPostDigest(contact, round, withoutLink);
        }
        return new PlannedDelivery(d, tier, round, personId, name, message, token, digest);
    }

    /** What a robot post is: the robot, the escalation round, and the text without any acknowledgement link (SHA-256, hex). */
    static String groupPostDigest(Contact robot, int round, RenderedMessage message) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            String text = robot.channel() + "\n" + robot.address() + "\n" + round + "\n" + message.subject() + "\n" + message.body();
            return java.util.HexFormat.of().formatHex(sha.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
