/** Image names as the two builders print them. */
import { familiarString, fullString, parseReference } from "../image/reference";

/** `docker.io/library/python:3.6.1-alpine`, as BuildKit names images. */
export function fullName(name: string): string {
  try {
    return fullString(parseReference(name));
  } catch {
    return name;
  }
}

/** The classic builder's `Successfully tagged python-hello-world:latest`. */
export function familiar(name: string): string {
  const ref = parseReference(name);
  return familiarString({ ...ref, tag: ref.tag ?? "latest" });
}
