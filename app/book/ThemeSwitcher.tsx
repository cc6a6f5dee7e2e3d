/** Theme choice: follow the system, light, dark, or projector (for classrooms). Remembered across visits. */
import { useSettings, type ThemeChoice } from '../state/settings.ts';

const CHOICES: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'auto', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'projector', label: 'Projector' },
];

export function ThemeSwitcher() {
  const choice = useSettings((s) => s.themeChoice);
  const setTheme = useSettings((s) => s.setTheme);
  return (
    <label className="theme-switcher">
      <span className="visually-hidden">Theme</span>
      <select value={choice} onChange={(e) => setTheme(e.currentTarget.value as ThemeChoice)} aria-label="Theme">
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
