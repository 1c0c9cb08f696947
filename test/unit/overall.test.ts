import { describe, expect, it } from 'vitest';
import { overallIndicator } from '../../status-server/domain/overall.ts';

describe('overall page indicator', () => {
  it('is none when everything is operational and nothing is open', () => {
    expect(overallIndicator(['operational', 'operational'], [])).toBe('none');
  });
  it('follows the worst component', () => {
    expect(overallIndicator(['operational', 'degraded_performance'], [])).toBe('minor');
    expect(overallIndicator(['partial_outage', 'degraded_performance'], [])).toBe('major');
    expect(overallIndicator(['major_outage', 'under_maintenance'], [])).toBe('critical');
  });
  it('shows maintenance only when nothing is worse', () => {
    expect(overallIndicator(['under_maintenance', 'operational'], [])).toBe('maintenance');
    expect(overallIndicator(['under_maintenance', 'degraded_performance'], [])).toBe('minor');
  });
  it('counts an open incident before any component is marked down', () => {
    expect(overallIndicator(['operational'], ['major'])).toBe('major');
    expect(overallIndicator(['operational'], ['none'])).toBe('none');
  });
});
