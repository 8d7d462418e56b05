package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.ProcessTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Log lines written while the engine works on a case name its business key. */
@ExtendWith(OutputCaptureExtension.class)
class CaseLoggingTest extends ProcessTestSupport {

    @Test
    void aDelegateLogLineCarriesTheCaseNumber(CapturedOutput output) {
        SecurityProbe.deploy(repositoryService);
        String businessKey = "LOG-" + System.nanoTime();
        runtimeService.startProcessInstanceByKey(SecurityProbe.KEY, businessKey, Map.of("summary", "日志"));
        assertThat(output.getOut()).containsPattern("INFO \\[" + businessKey + "\\].*探针校验: 日志");
    }
}
