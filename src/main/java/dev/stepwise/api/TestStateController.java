package dev.stepwise.api;

import dev.stepwise.teststate.StateTester;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/test-state}: AWS's TestState with JSON values where AWS takes and gives JSON text
 * (docs/api.md, "Testing a state").
 */
@RestController
@RequestMapping("/v1")
class TestStateController {
  private final StateTester tester;

  TestStateController(StateTester tester) {
    this.tester = tester;
  }

  @PostMapping("/test-state")
  Map<String, Object> test(@RequestBody TestStateJson.Body body) {
    return TestStateJson.answer(tester.test(TestStateJson.request(body)));
  }
}
