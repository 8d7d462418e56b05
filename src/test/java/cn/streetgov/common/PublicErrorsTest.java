package cn.streetgov.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class PublicErrorsTest {

    @Test
    void qualifiedClassNamesBecomeSimpleNamesAndStackFramesGo() {
        assertThat(PublicErrors.scrub("Cannot convert value 'nope' of type 'Date' to java type java.util.Date"))
                .isEqualTo("Cannot convert value 'nope' of type 'Date' to java type Date");
        assertThat(PublicErrors.scrub("org.camunda.bpm.engine.rest.exception.RestException: boom\n"
                + "\tat org.camunda.bpm.engine.X.y(X.java:12)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:840)\nrest"))
                .isEqualTo("RestException: boom\nrest");
        assertThat(PublicErrors.scrub("请求内容不是有效的 JSON")).isEqualTo("请求内容不是有效的 JSON");
        assertThat(PublicErrors.scrub("see http://example.org/a.b.c and v1.2.3")).isEqualTo("see http://example.org/a.b.c and v1.2.3");
    }

    @Test
    void unreadableJsonIsFoundAnywhereInTheCauseChain() {
        Exception wrapped = new ProcessEngineException("x", new RuntimeException(new JsonParseException(null, "bad")));
        assertThat(PublicErrors.isUnreadableJson(wrapped)).isTrue();
        assertThat(PublicErrors.isUnreadableJson(new ProcessEngineException("x"))).isFalse();
    }

    @Test
    void serverErrorsNameOnlyTheCorrelationId() {
        String id = PublicErrors.newErrorId();
        assertThat(id).matches("[0-9A-F]{12}");
        assertThat(PublicErrors.serverError(id)).isEqualTo("服务器内部错误，请联系管理员（编号 " + id + "）");
        assertThat(PublicErrors.tooLarge(1024 * 1024)).isEqualTo("请求内容过大：不得超过 1 MB");
        assertThat(PublicErrors.tooLarge(1500)).isEqualTo("请求内容过大：不得超过 1500 字节");
    }
}
