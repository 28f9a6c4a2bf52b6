import { describe, expect, it } from 'vitest';
import { problem } from './agent';

describe('agent problems', () => {
  it('show the problem detail and keep its type', () => {
    const error = problem(400, JSON.stringify({ type: 'https://flexboard.io/problems/bad-filter', detail: "widget 'w': unknown parameter 'x'" }));
    expect(error.message).toBe("widget 'w': unknown parameter 'x'");
    expect(error.status).toBe(400);
    expect(error.type).toBe('https://flexboard.io/problems/bad-filter');
  });

  it('name the status when the answer is not a problem', () => {
    expect(problem(502, '<html>Bad gateway</html>').message).toBe('The agent answered with status 502.');
    expect(problem(500, '{"detail": 42}').message).toBe('The agent answered with status 500.');
  });
});
