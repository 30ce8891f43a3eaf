package dev.stepwise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTests {
  static final String KEY = "k3y-0f-the-0perat0r-team-1234567890";

  @Test
  void keepsOnlyTheHashAndFindsTheKeysCaller() {
    var keys =
        ApiKeys.of(
            List.of(
                new Credentials.ApiKeySetting("ops", KEY, null, List.of("operator"), "team-a-"),
                new Credentials.ApiKeySetting(
                    "reader",
                    null,
                    HexFormat.of().formatHex(ApiKeys.sha256("reader-key-0123456789")),
                    List.of("viewer"),
                    null)));
    assertThat(keys.hashes())
        .containsExactly(
            HexFormat.of().formatHex(ApiKeys.sha256(KEY)),
            HexFormat.of().formatHex(ApiKeys.sha256("reader-key-0123456789")))
        .noneMatch(h -> h.contains(KEY));
    var ops = keys.authenticate(KEY).orElseThrow();
    assertThat(ops.name()).isEqualTo("ops");
    assertThat(ops.roles()).containsExactly(Role.OPERATOR);
    assertThat(ops.prefix()).isEqualTo("team-a-");
    assertThat(keys.authenticate("reader-key-0123456789").orElseThrow().name()).isEqualTo("reader");
    assertThat(keys.authenticate(KEY + "x")).isEmpty();
    assertThat(keys.authenticate("")).isEmpty();
  }

  @Test
  void refusesIncompleteOrAmbiguousKeys() {
    assertThatThrownBy(() -> ApiKeys.of(List.of(setting("a", KEY, "ab", "viewer"))))
        .hasMessageContaining("exactly one of key and key-sha256");
    assertThatThrownBy(() -> ApiKeys.of(List.of(setting("a", null, null, "viewer"))))
        .hasMessageContaining("exactly one of key and key-sha256");
    assertThatThrownBy(() -> ApiKeys.of(List.of(setting("a", null, "abc", "viewer"))))
        .hasMessageContaining("64 hexadecimal digits");
    assertThatThrownBy(() -> ApiKeys.of(List.of(setting("a", "short", null, "viewer"))))
        .hasMessageContaining("at least 16");
    assertThatThrownBy(() -> ApiKeys.of(List.of(setting("a", KEY, null, "superuser"))))
        .hasMessageContaining("Unknown role 'superuser'")
        .hasMessageNotContaining(KEY);
    assertThatThrownBy(
            () ->
                ApiKeys.of(
                    List.of(
                        setting("a", KEY, null, "viewer"),
                        setting("a", KEY + "2", null, "viewer"))))
        .hasMessageContaining("used twice");
    assertThatThrownBy(() -> ApiKeys.of(List.of(setting(null, KEY, null, "viewer"))))
        .hasMessageContaining("name is required");
  }

  @Test
  void rolesMayBeOneCommaSeparatedString() {
    var keys = ApiKeys.of(List.of(setting("a", KEY, null, "viewer, author")));
    assertThat(keys.authenticate(KEY).orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.VIEWER, Role.AUTHOR);
  }

  @Test
  void theHierarchyGivesAdminEverythingAndNoOtherRoleTheOther() {
    var hierarchy = Role.hierarchy();
    assertThat(reachable(hierarchy, Role.ADMIN))
        .containsExactlyInAnyOrder("ROLE_admin", "ROLE_operator", "ROLE_author", "ROLE_viewer");
    assertThat(reachable(hierarchy, Role.OPERATOR))
        .containsExactlyInAnyOrder("ROLE_operator", "ROLE_viewer");
    assertThat(reachable(hierarchy, Role.AUTHOR))
        .containsExactlyInAnyOrder("ROLE_author", "ROLE_viewer");
    assertThat(reachable(hierarchy, Role.VIEWER)).containsExactly("ROLE_viewer");
  }

  @Test
  void wireOperationsNeedTheirRoles() {
    assertThat(WireAccess.required("DescribeExecution")).isEqualTo(Role.VIEWER);
    assertThat(WireAccess.required("ListStateMachines")).isEqualTo(Role.VIEWER);
    assertThat(WireAccess.required("GetExecutionHistory")).isEqualTo(Role.VIEWER);
    assertThat(WireAccess.required("GetActivityTask")).isEqualTo(Role.OPERATOR);
    assertThat(WireAccess.required("StartSyncExecution")).isEqualTo(Role.OPERATOR);
    assertThat(WireAccess.required("SendTaskSuccess")).isEqualTo(Role.OPERATOR);
    assertThat(WireAccess.required("RedriveExecution")).isEqualTo(Role.OPERATOR);
    assertThat(WireAccess.required("CreateStateMachine")).isEqualTo(Role.AUTHOR);
    assertThat(WireAccess.required("TagResource")).isEqualTo(Role.AUTHOR);
    assertThat(WireAccess.required("ValidateStateMachineDefinition")).isEqualTo(Role.AUTHOR);
    assertThat(WireAccess.required("TestState")).isEqualTo(Role.AUTHOR);
    assertThat(WireAccess.required("SomethingNew")).isEqualTo(Role.ADMIN);
  }

  private static List<String> reachable(
      org.springframework.security.access.hierarchicalroles.RoleHierarchy hierarchy, Role role) {
    return hierarchy
        .getReachableGrantedAuthorities(
            List.of(
                new org.springframework.security.core.authority.SimpleGrantedAuthority(
                    role.authority())))
        .stream()
        .map(a -> a.getAuthority())
        .toList();
  }

  private static Credentials.ApiKeySetting setting(
      String name, String key, String hash, String roles) {
    return new Credentials.ApiKeySetting(name, key, hash, List.of(roles), null);
  }
}
