package dev.stepwise;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;

/** One slice per top-level class of the given packages (nested classes count as theirs). */
record ClassesOf(Set<String> packages) implements SliceAssignment {
  @Override
  public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
    if (!packages.contains(javaClass.getPackageName())) return SliceIdentifier.ignore();
    String name = javaClass.getName();
    int nested = name.indexOf('$');
    return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
  }

  @Override
  public String getDescription() {
    return "classes of " + packages;
  }
}
