import { useCesium } from 'resium';
import { useIncidentFeedContext } from '../incidents/context.tsx';
import { type IncidentPlace, ReportIncident } from '../incidents/ReportIncident.tsx';
import { useSelection } from '../selection/index.tsx';
import { type PickedObject, usePickedObject } from './hooks.ts';
import { ObjectPanel } from './ObjectPanel.tsx';
import { useBoundObject } from './useBoundObject.ts';

/** The properties of the object last clicked in 3D, every record bound to it, and a way to report an incident there. */
export function ObjectInfo() {
  const { viewer } = useCesium();
  const { picked, clear } = usePickedObject(viewer);
  const { select } = useSelection();
  const feed = useIncidentFeedContext();
  const oid = typeof picked?.properties.oid === 'string' && picked.properties.oid !== '' ? picked.properties.oid : undefined;
  // Its incidents as they come and change, so that what the panel lists is asked for again.
  const version = feed?.incidents.filter((incident) => incident.binding.oid === oid).map((incident) => `${incident.id}:${incident.status}`).join(',');
  const fetched = useBoundObject(oid, version);
  if (!picked) return null;
  const bound = fetched.object || !picked.bound ? fetched : { object: picked.bound };
  // A search hit names only the oid: its properties come with the object from the server.
  const properties = { ...bound.object?.properties, ...picked.properties };
  const place = incidentPlace(picked);
  const floors = typeof properties.floors === 'number' ? properties.floors : undefined;
  return (
    <ObjectPanel properties={properties} bound={bound} onClose={clear}>
      {feed && place && (
        <ReportIncident
          // A new pick starts a new report.
          key={JSON.stringify(place)}
          place={place}
          floors={floors}
          onReported={(incident) => select({ oid: incident.binding.oid, lon: incident.lon, lat: incident.lat, floor: incident.floor, incidentId: incident.id, fly: false })}
        />
      )}
    </ObjectPanel>
  );
}

/** The object picked and the spot clicked, as far as they are known; nothing to report at without either. */
function incidentPlace({ properties, at }: PickedObject): IncidentPlace | undefined {
  const oid = typeof properties.oid === 'string' && properties.oid !== '' ? properties.oid : undefined;
  if (!oid && !at) return undefined;
  return { ...(oid ? { oid } : {}), ...(at ? { lon: round(at.lon), lat: round(at.lat) } : {}) };
}

/** Degrees to seven decimals (about a centimetre), as the API keeps them. */
const round = (degrees: number) => Math.round(degrees * 1e7) / 1e7;
