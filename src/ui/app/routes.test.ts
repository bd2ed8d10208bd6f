import { describe, expect, it } from 'vitest';
import { viewFromPath } from './routes';

describe('view routes', () => {
  it('maps each view path to its view', () => {
    expect(viewFromPath('/control')).toBe('control');
    expect(viewFromPath('/display/')).toBe('display');
    expect(viewFromPath('/stage')).toBe('stage');
    expect(viewFromPath('/review')).toBe('review');
    expect(viewFromPath('/clerk')).toBe('clerk');
    expect(viewFromPath('/report')).toBe('report');
    expect(viewFromPath('/audit')).toBe('audit');
  });

  it('knows no other view', () => {
    expect(viewFromPath('/')).toBeNull();
    expect(viewFromPath('/admin')).toBeNull();
  });
});
