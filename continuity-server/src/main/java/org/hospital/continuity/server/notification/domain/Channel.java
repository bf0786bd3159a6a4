package org.hospital.continuity.server.notification.domain;

/**
 * The ways a notification reaches people. Robots post into a group chat of a party; the SMS gateway
 * is the channel that does not depend on the hospital network (a cellular gateway); in-app shows on the
 * board and the kiosk banner.
 */
public enum Channel {
    /** E-mail over SMTP. */
    EMAIL,
    /** WeCom (企业微信) group robot webhook. */
    WECOM,
    /** DingTalk (钉钉) group robot webhook, optionally signed. */
    DINGTALK,
    /** A generic SMS gateway webhook (configurable URL and template). */
    SMS,
    /** In-app: the incident board and the kiosk banner. */
    IN_APP;

    /** Robots and in-app messages address a group, not one person. */
    public boolean isGroupChannel() {
        return this == WECOM || this == DINGTALK || this == IN_APP;
    }
}
