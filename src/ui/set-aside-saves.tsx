import type { SetAsideSave } from "../app/save-repository";
import { useSession } from "./session-context";

/** Saves that could not be used: each with the reason. The other saves keep working. */
export function SetAsideSaves({ setAside }: { setAside: SetAsideSave[] }) {
  const session = useSession();
  if (setAside.length === 0) return null;
  return (
    <section class="set-aside" aria-labelledby="set-aside-heading">
      <h2 id="set-aside-heading">Saves set aside</h2>
      <p>
        {setAside.length === 1 ? "One saved run" : `${setAside.length} saved runs`} could not be used and
        {setAside.length === 1 ? " was" : " were"} set aside. Your other saves are fine.
      </p>
      <ul>
        {setAside.map((s) => (
          <li key={s.id}>
            <span>
              Saved run {s.id}: {s.reason}.
            </span>
            <button
              type="button"
              class="quiet"
              aria-label={`Remove set-aside save ${s.id}`}
              onClick={() => void session.dismissSetAside(s.id)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
