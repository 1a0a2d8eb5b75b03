import { SETTING_KEYS } from '../../server/src/host/settings';

/**
 * What an untrusted workspace may make the server do. VS Code already ignores workspace values of the
 * settings listed under `restrictedConfigurations`; on top of that the server gets no network (sources
 * offline, whatever the user settings say, because a document's references would otherwise be sent to
 * the sources) and no question-letter path of the workspace's choosing.
 */
export function restrictForUntrusted(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const K = SETTING_KEYS;
  const v = value as Record<string, unknown>;
  const raw = v[K.sources];
  const sources = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  // A dotted key (`bronnen.offline`) some clients send unnested would otherwise win over the nested one.
  const rest = Object.fromEntries(Object.entries(v).filter(([k]) => k !== `${K.sources}.${K.offline}`));
  return { ...rest, [K.sources]: { ...sources, [K.offline]: true }, [K.questionLetter]: '' };
}
