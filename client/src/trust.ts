/**
 * What an untrusted workspace may make the server do. VS Code already ignores workspace values of the
 * settings listed under `restrictedConfigurations`; on top of that the server gets no network (sources
 * offline, whatever the user settings say, because a document's references would otherwise be sent to
 * the sources) and no question-letter path of the workspace's choosing.
 */
export function restrictForUntrusted(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  const sources = v.sources && typeof v.sources === 'object' ? (v.sources as Record<string, unknown>) : {};
  return { ...v, sources: { ...sources, offline: true }, questionLetter: '' };
}
