import type { Settings, TextSize } from "../app/settings";
import { useSession } from "./session-context";

/** When to reveal what really happened, reduced motion and text size; kept between visits. */
export function SettingsPanel({ settings }: { settings: Settings }) {
  const session = useSession();
  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <fieldset>
        <legend>Show “what really happened”</legend>
        <label>
          <input
            type="radio"
            name="reveal"
            checked={settings.reveal === "after-each-choice"}
            onChange={() => void session.updateSettings({ reveal: "after-each-choice" })}
          />
          After each choice
        </label>
        <label>
          <input
            type="radio"
            name="reveal"
            checked={settings.reveal === "debrief-only"}
            onChange={() => void session.updateSettings({ reveal: "debrief-only" })}
          />
          Only in the debrief
        </label>
      </fieldset>
      <label class="inline">
        <input
          type="checkbox"
          checked={settings.reducedMotion}
          onChange={(e) => void session.updateSettings({ reducedMotion: e.currentTarget.checked })}
        />
        Reduce motion
      </label>
      <label class="inline">
        Text size{" "}
        <select
          value={settings.textSize}
          onChange={(e) => void session.updateSettings({ textSize: e.currentTarget.value as TextSize })}
        >
          <option value="normal">Normal</option>
          <option value="large">Large</option>
          <option value="larger">Larger</option>
        </select>
      </label>
    </section>
  );
}
