/**
 * Rows of big chips that stand in for form fields on a touch screen: `Choices` picks one option of several,
 * `Toggles` turns each option on or off by itself. Each row is a labelled group, so tests and screen readers
 * find it by its title.
 */
/** Each option on or off by itself (subjects shown, channels received). */
export function Toggles(props: {
  title: string;
  hint: string;
  options: { value: string; label: string; lang?: string }[];
  isOn: (value: string) => boolean;
  onToggle: (value: string) => void;
  testId: string;
}) {
  return <ChipGroup {...props} pressed={props.isOn} onPress={props.onToggle} />;
}

/** One option of several. */
export function Choices<T extends string | number>(props: {
  title: string;
  hint?: string;
  options: { value: T; label: string; lang?: string }[];
  value: T;
  onChoose: (value: T) => void;
}) {
  return <ChipGroup {...props} pressed={(value) => value === props.value} onPress={props.onChoose} />;
}

function ChipGroup<T extends string | number>({
  title,
  hint,
  options,
  pressed,
  onPress,
  testId,
}: {
  title: string;
  hint?: string | undefined;
  options: { value: T; label: string; lang?: string }[];
  pressed: (value: T) => boolean;
  onPress: (value: T) => void;
  testId?: string | undefined;
}) {
  return (
    <section className="staff-setting" role="group" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {hint && <p className="quiet">{hint}</p>}
      <div className="chip-row">
        {options.map((option) => (
          <button
            key={String(option.value)}
            type="button"
            className="chip"
            lang={option.lang}
            aria-pressed={pressed(option.value)}
            onClick={() => onPress(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </section>
  );
}
