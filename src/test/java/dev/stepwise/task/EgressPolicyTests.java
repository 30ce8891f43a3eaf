package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EgressPolicyTests {
  private static final EgressPolicy LAPTOP = EgressPolicy.permissive();
  private static final EgressPolicy STRICT =
      new EgressPolicy(new EgressProperties(false, null, null));

  private static boolean refused(EgressPolicy policy, String url) {
    return policy.refusalOf(URI.create(url)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:169.254.169.254]/latest/meta-data/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[::169.254.169.254]/",
        "http://2852039166/",
        "http://0xA9FEA9FE/",
        "http://0xa9.0xfe.0xa9.0xfe/",
        "http://0251.0376.0251.0376/",
        "http://169.254.43518/",
        "http://[fd00:ec2::254]/",
        "http://[fe80::1]/",
        "http://0.0.0.0:8080/",
        "http://0/",
        "http://[::]/",
        "http://224.0.0.1/",
        "http://[ff02::1]/",
        "ftp://example.com/",
        "file:///etc/passwd"
      })
  void alwaysDeniesMetadataLinkLocalUnspecifiedAndMulticastInEverySpelling(String url) {
    assertThat(refused(LAPTOP, url)).as(url).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:9000/",
        "http://[::1]:9000/",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://[fd12::1]/",
        "http://2130706433:9000/",
        "http://[::ffff:127.0.0.1]/"
      })
  void privateAndLoopbackAddressesAreAllowedOnTheLaptopDefaultOnly(String url) {
    assertThat(refused(LAPTOP, url)).as(url).isFalse();
    assertThat(refused(STRICT, url)).as(url).isTrue();
  }

  @Test
  void publicAddressesAndNamesAreAllowed() {
    assertThat(refused(STRICT, "https://203.0.113.7/")).isFalse();
    assertThat(refused(STRICT, "https://api.example.com/v1")).as("no DNS asked").isFalse();
  }

  @Test
  void theServicesOwnPortsAreDeniedEvenWhenPrivateAddressesAreAllowed() {
    var policy = EgressPolicy.permissive();
    policy.addOwnPort(8080);

    assertThat(refused(policy, "http://127.0.0.1:8080/actuator/prometheus")).isTrue();
    assertThat(refused(policy, "http://[::1]:8080/")).isTrue();
    assertThat(refused(policy, "http://0.0.0.0:8080/")).isTrue();
    assertThat(refused(policy, "http://127.0.0.1:8081/")).isFalse();
    assertThat(policy.refusalOf(URI.create("http://127.0.0.1:8080/")).orElseThrow())
        .contains("own port");
  }

  @Test
  void theOwnPortIsDeniedWhateverAllowListSaysAndByItsResolvedName() {
    var policy =
        new EgressPolicy(new EgressProperties(true, List.of("localhost", "127.0.0.0/8"), null));
    policy.addOwnPort(8080);

    assertThatThrownBy(() -> policy.checkedAddresses("localhost", 8080))
        .isInstanceOf(EgressDenied.class)
        .hasMessageContaining("own port")
        .hasMessageContaining("stepwise.tasks.egress");
  }

  @Test
  void aNameIsJudgedByTheAddressItResolvesTo() throws Exception {
    assertThatThrownBy(() -> STRICT.checkedAddresses("localhost", 9000))
        .isInstanceOf(EgressDenied.class)
        .hasMessageContaining("127.0.0.1")
        .hasMessageContaining("allow-private=false");
    assertThat(LAPTOP.checkedAddresses("localhost", 9000))
        .extracting(InetAddress::isLoopbackAddress)
        .containsOnly(true);
  }

  @Test
  void allowListsOpenRangesAndNames() throws Exception {
    var policy =
        new EgressPolicy(
            new EgressProperties(
                false, List.of("10.1.0.0/16", "localhost", "169.254.10.0/24"), null));

    assertThat(refused(policy, "http://10.1.2.3/")).isFalse();
    assertThat(refused(policy, "http://10.2.0.1/")).isTrue();
    assertThat(refused(policy, "http://169.254.10.5/")).as("a CIDR may open link-local").isFalse();
    assertThat(refused(policy, "http://169.254.169.254/")).isTrue();
    assertThat(policy.checkedAddresses("localhost", 9000)).isNotEmpty();
  }

  @Test
  void aNameInTheAllowListNeverOpensMetadataAddresses() {
    var policy = new EgressPolicy(new EgressProperties(true, List.of("*.internal"), null));

    assertThat(policy.refusalOf("metadata.internal", addr("169.254.169.254"), 80)).isPresent();
    assertThat(policy.refusalOf("svc.internal", addr("10.0.0.1"), 80)).isEmpty();
  }

  @Test
  void denyListsCloseRangesAndNamesAndTheMostSpecificRangeWins() {
    var policy =
        new EgressPolicy(
            new EgressProperties(
                true,
                List.of("198.51.100.7"),
                List.of("198.51.100.0/24", "*.evil.example", "10.0.0.0/8")));

    assertThat(refused(policy, "http://198.51.100.9/")).isTrue();
    assertThat(refused(policy, "http://198.51.100.7/"))
        .as("the /32 allow is more specific")
        .isFalse();
    assertThat(refused(policy, "https://api.evil.example/")).isTrue();
    assertThat(refused(policy, "https://API.EVIL.EXAMPLE/")).isTrue();
    assertThat(refused(policy, "http://10.9.9.9/")).isTrue();
    assertThat(refused(policy, "http://192.168.0.1/")).isFalse();
    assertThat(policy.refusalOf(URI.create("https://api.evil.example/")).orElseThrow())
        .contains("deny list");
  }

  @Test
  void aBadRangeIsAConfigurationError() {
    assertThatThrownBy(
            () -> new EgressPolicy(new EgressProperties(true, List.of("10.0.0.0/99"), null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stepwise.tasks.egress");
  }

  private static InetAddress addr(String text) {
    return HostLiterals.address(text).orElseThrow();
  }
}
