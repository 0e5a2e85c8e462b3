import type { Place } from '@/utils/ui/place-view';

export type { Place };

/** "Home or shared computer?": two radio buttons in a fieldset; choosing one saves it at once. */
export function PlaceChoice(p: {
  legend: string;
  help: string;
  labels: Record<Place, string>;
  value: Place | null;
  onChoose: (place: Place) => void;
}) {
  return (
    <fieldset class="place" aria-describedby="place-help">
      <legend class="visually-hidden">{p.legend}</legend>
      <p id="place-help" class="help">
        {p.help}
      </p>
      {(['home', 'shared'] as const).map((place) => (
        <label key={place} class="choice">
          <input
            type="radio"
            name="place"
            value={place}
            checked={p.value === place}
            onChange={() => p.onChoose(place)}
          />{' '}
          {p.labels[place]}
        </label>
      ))}
    </fieldset>
  );
}
