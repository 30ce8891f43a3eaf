package dev.stepwise.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The wire API's own table: per state machine or activity, the attributes AWS clients set on it and
 * its tags, each a JSON text. Callers that read and then write hold the row with {@link #lock}.
 */
@Component
class AwsResources {
  static final String STATE_MACHINE = "stateMachine";
  static final String ACTIVITY = "activity";

  private final JdbcClient jdbc;

  AwsResources(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Row(String attributes, String tags) {}

  Optional<Row> find(String type, String name) {
    return jdbc.sql(
            "select attributes, tags from aws_resource where resource_type = ? and name = ?")
        .params(type, name)
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2)))
        .optional();
  }

  /** Makes sure the row exists and locks it for this transaction. */
  Row lock(String type, String name) {
    jdbc.sql(
            "insert into aws_resource (resource_type, name) values (?, ?)"
                + " on conflict do nothing")
        .params(type, name)
        .update();
    return jdbc.sql(
            "select attributes, tags from aws_resource where resource_type = ? and name = ?"
                + " for update")
        .params(type, name)
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2)))
        .single();
  }

  /** The attributes of several resources of one type, by name (those with a row). */
  Map<String, String> attributes(String type, List<String> names) {
    if (names.isEmpty()) return Map.of();
    return jdbc
        .sql("select name, attributes from aws_resource where resource_type = ? and name = any(?)")
        .params(type, names.toArray(String[]::new))
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  void putAttributes(String type, String name, String attributes) {
    jdbc.sql(
            "insert into aws_resource (resource_type, name, attributes) values (?, ?, ?)"
                + " on conflict (resource_type, name) do update set attributes = excluded.attributes")
        .params(type, name, attributes)
        .update();
  }

  void putTags(String type, String name, String tags) {
    jdbc.sql(
            "insert into aws_resource (resource_type, name, tags) values (?, ?, ?)"
                + " on conflict (resource_type, name) do update set tags = excluded.tags")
        .params(type, name, tags)
        .update();
  }

  void delete(String type, String name) {
    jdbc.sql("delete from aws_resource where resource_type = ? and name = ?")
        .params(type, name)
        .update();
  }
}
