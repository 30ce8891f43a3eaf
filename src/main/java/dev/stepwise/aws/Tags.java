package dev.stepwise.aws;

import dev.stepwise.aws.Configurations.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tags as AWS takes them: at most 50 per resource, keys 1–128 and values 0–256 characters. */
final class Tags {
  static final int MAX = 50;

  private Tags() {}

  static List<Tag> checked(List<Tag> tags, String resourceArn) {
    if (tags == null) return List.of();
    for (Tag tag : tags) {
      Checks.required("tags.member.key", tag == null ? null : tag.key());
      Checks.length("tags.member.key", tag.key(), 1, 128);
      Checks.length("tags.member.value", tag.value(), 0, 256);
    }
    if (merged(List.of(), tags).size() > MAX) throw tooMany(resourceArn);
    return tags;
  }

  /** {@code current} with {@code added} set over it (a key given again takes the new value). */
  static List<Tag> merged(Collection<Tag> current, Collection<Tag> added) {
    var byKey = new LinkedHashMap<String, String>();
    for (Tag tag : current) byKey.put(tag.key(), tag.value());
    for (Tag tag : added) byKey.put(tag.key(), tag.value() == null ? "" : tag.value());
    return list(byKey);
  }

  static List<Tag> without(Collection<Tag> current, Collection<String> keys) {
    var byKey = new LinkedHashMap<String, String>();
    for (Tag tag : current) byKey.put(tag.key(), tag.value());
    keys.forEach(byKey::remove);
    return list(byKey);
  }

  static AwsError tooMany(String resourceArn) {
    return new AwsError(
        "TooManyTags", "Too many tags: a resource has at most " + MAX + " (" + resourceArn + ")");
  }

  static String json(List<Tag> tags) {
    return WireJson.text(tags);
  }

  static List<Tag> read(String json) {
    return new ArrayList<>(Arrays.asList(WireJson.readStored(json, Tag[].class)));
  }

  private static List<Tag> list(Map<String, String> byKey) {
    var tags = new ArrayList<Tag>();
    byKey.forEach((key, value) -> tags.add(new Tag(key, value)));
    return tags;
  }
}
