import { describe, expect, test } from 'vitest';
import { Kernel } from './kernel.js';
import { allOf, anyOf, Interrupt, Signal, spawn, timeout, waitFor, type ProcessBody } from './process.js';

describe('processes', () => {
  test('timeouts advance the clock; the process return value is awaitable', () => {
    const kernel = new Kernel();
    const log: string[] = [];
    const child = spawn(kernel, (function* (): ProcessBody<string> {
      yield timeout(10);
      log.push(`child@${kernel.nowNs}`);
      return 'done';
    })(), 'child');
    spawn(kernel, (function* (): ProcessBody {
      const value = yield* waitFor(child);
      log.push(`parent got ${value as string}@${kernel.nowNs}`);
    })(), 'parent');
    kernel.run();
    expect(log).toEqual(['child@10', 'parent got done@10']);
  });

  test('waiting on a signal resumes with its value', () => {
    const kernel = new Kernel();
    const signal = new Signal<number>(kernel);
    const got: Array<[number, number]> = [];
    for (let i = 0; i < 3; i++) {
      spawn(kernel, (function* (): ProcessBody {
        const v = (yield signal) as number;
        got.push([i, v + kernel.nowNs]);
      })());
    }
    kernel.schedule(7, () => signal.fire(100));
    kernel.run();
    expect(got).toEqual([[0, 107], [1, 107], [2, 107]]);
  });

  test('interrupt throws Interrupt into a waiting process and cancels its timeout', () => {
    const kernel = new Kernel();
    const log: string[] = [];
    const sleeper = spawn(kernel, (function* (): ProcessBody {
      try {
        yield timeout(100);
        log.push('woke normally');
      } catch (error) {
        log.push(`interrupted@${kernel.nowNs} by ${(error as Interrupt).reason as string}`);
        yield timeout(5);
        log.push(`after@${kernel.nowNs}`);
      }
    })(), 'sleeper');
    kernel.schedule(30, () => sleeper.interrupt('alarm'));
    kernel.run();
    expect(log).toEqual(['interrupted@30 by alarm', 'after@35']);
    expect(kernel.nowNs).toBe(35);
  });

  test('anyOf resumes at the first; allOf waits for all', () => {
    const kernel = new Kernel();
    const log: string[] = [];
    const a = new Signal<string>(kernel);
    const b = new Signal<string>(kernel);
    spawn(kernel, (function* (): ProcessBody {
      const first = (yield anyOf([a, b])) as { index: number; value: unknown };
      log.push(`any ${first.index}:${first.value as string}@${kernel.nowNs}`);
      const all = (yield allOf([a, b])) as unknown[];
      log.push(`all ${all.join(',')}@${kernel.nowNs}`);
    })());
    kernel.schedule(5, () => b.fire('B'));
    kernel.schedule(9, () => a.fire('A'));
    kernel.run();
    expect(log).toEqual(['any 1:B@5', 'all A,B@9']);
  });

  test('an unawaited process error fails the run with the process name', () => {
    const kernel = new Kernel();
    spawn(kernel, (function* (): ProcessBody {
      yield timeout(3);
      throw new Error('boom');
    })(), 'gate-7');
    expect(() => kernel.run()).toThrow(/gate-7: boom/);
  });

  test('an awaited process error is thrown into the waiter instead', () => {
    const kernel = new Kernel();
    let caught = '';
    const child = spawn(kernel, (function* (): ProcessBody {
      yield timeout(1);
      throw new Error('bad');
    })(), 'child');
    spawn(kernel, (function* (): ProcessBody {
      try {
        yield child;
      } catch (error) {
        caught = (error as Error).message;
      }
    })());
    kernel.run();
    expect(caught).toMatch(/bad/);
  });

  test('timeout-vs-signal race with anyOf (a typical time-out pattern)', () => {
    const kernel = new Kernel();
    const reply = new Signal<string>(kernel);
    let outcome = '';
    spawn(kernel, (function* (): ProcessBody {
      const timer = spawn(kernel, (function* (): ProcessBody { yield 50; })());
      const r = (yield anyOf([reply, timer])) as { index: number };
      outcome = r.index === 0 ? 'reply' : `timeout@${kernel.nowNs}`;
    })());
    kernel.run();
    expect(outcome).toBe('timeout@50');
  });
});
