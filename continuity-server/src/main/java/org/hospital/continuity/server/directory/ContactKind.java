package org.hospital.continuity.server.directory;

/** How a person is reached (EP-2, EP-9.1): SMS to a phone, mail, or a WeCom / DingTalk robot id. */
public enum ContactKind { PHONE, MAIL, WECOM, DINGTALK }
