package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one owner of the stepwise.aws settings: its defaults, and the account it hands out. */
class AwsPropertiesTests {

  @Test
  void unsetOrBlankSettingsAreTheDefaults() {
    var unset = new AwsProperties(null, " ", null, null);
    assertThat(unset.region()).isEqualTo(AwsAccount.DEFAULT_REGION);
    assertThat(unset.account()).isEqualTo(AwsAccount.DEFAULT_ACCOUNT);
    assertThat(unset.activityPollWait()).isEqualTo(Duration.ofSeconds(60));
    assertThat(unset.syncExecutionTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(unset.awsAccount()).isEqualTo(AwsAccount.defaults());
  }

  @Test
  void theAccountItHandsOutIsTheConfiguredOne() {
    var set = new AwsProperties("eu-west-2", "111122223333", Duration.ofSeconds(2), null);
    assertThat(set.awsAccount()).isEqualTo(new AwsAccount("eu-west-2", "111122223333"));
    assertThat(set.activityPollWait()).isEqualTo(Duration.ofSeconds(2));
  }
}
