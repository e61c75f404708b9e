/** Time comes from here, never from `new Date()` in domain code, so tests can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that runs from a base clock (the real time by default) plus an offset that can be
 * moved: the local server's `/dev/clock`. Frozen (`AdjustableClock.frozenAt`), it stands
 * still until moved: the time of tests.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock = systemClock) {}
  /** A clock that reads `at` until `advance` or `set` moves it. */
  static frozenAt(at: Date): AdjustableClock {
    const ms = at.getTime();
    return new AdjustableClock({ now: () => new Date(ms) });
  }
  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  set(at: Date): void {
    this.offsetMs = at.getTime() - this.base.now().getTime();
  }
}

/**
 * `Intl.DateTimeFormat(locale, options).format`, with the formatter made on its first use:
 * the first one a process makes loads the time-zone and locale data, about 30 ms that a
 * Lambda's cold start would otherwise spend on routes that never show a time.
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): (at: Date) => string {
  let formatter: Intl.DateTimeFormat | undefined;
  return (at) => {
    formatter ??= new Intl.DateTimeFormat(locale, options);
    return formatter.format(at);
  };
}

const shanghai = dateFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'long',
  timeStyle: 'short',
  hour12: false,
});

/**
 * Stored times are UTC ISO-8601; people read Asia/Shanghai: "2026年12月13日 19:07（北京时间）",
 * as the pages write it (functions/ui/format.ts `dateTime`), messages too.
 */
export function formatShanghai(iso: string): string {
  return `${shanghai(new Date(iso))}（北京时间）`;
}

const enShanghai = dateFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** A stored UTC time as a reader of `locale` reads it: Beijing time, said so. */
export function formatBeijing(iso: string, locale: 'zh-CN' | 'en'): string {
  return locale === 'zh-CN' ? formatShanghai(iso) : `${enShanghai(new Date(iso))} (Beijing time)`;
}
