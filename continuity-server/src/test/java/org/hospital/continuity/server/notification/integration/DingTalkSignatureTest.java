package org.hospital.continuity.server.notification.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.hospital.continuity.server.notification.app.Outgoing;
import org.junit.jupiter.api.Test;

class DingTalkSignatureTest {

    @Test
    void signsTimestampNewlineSecretWithHmacSha256AsDingTalkDocuments() {
        // expected value computed independently (Python hmac/hashlib/base64) for the same inputs
        assertThat(DingTalkSignature.sign(1700000000000L, "SEC0123456789abcdef"))
                .isEqualTo("TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=");
    }

    @Test
    void appendsTimestampAndUrlEncodedSign() {
        assertThat(DingTalkSignature.signedUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", 1700000000000L, "SEC0123456789abcdef"))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000"
                        + "&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
    }

    @Test
    void smsTemplateEscapesForJsonAndForForms() {
        assertThat(SmsGatewayChannel.fill("{\"to\":\"{to}\",\"text\":\"{text}\"}", "application/json", "+8613900000000", "a \"b\"\nc"))
                .isEqualTo("{\"to\":\"+8613900000000\",\"text\":\"a \\\"b\\\"\\nc\"}");
        assertThat(SmsGatewayChannel.fill("to={to}&msg={text}", "application/x-www-form-urlencoded", "+86 139", "转入 手工&"))
                .isEqualTo("to=%2B86+139&msg=%E8%BD%AC%E5%85%A5+%E6%89%8B%E5%B7%A5%26");
        assertThat(Outgoing.class).isNotNull();
    }
}
