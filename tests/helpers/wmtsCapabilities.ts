// A WMTS 1.0.0 capabilities document in the shape OGC 07-057r7 gives (as GeoServer and intranet map
// services publish it): one layer linked to a Web Mercator set and a geographic CGCS2000 set.
const HALF = 20037508.3427892;

export function capabilitiesXml(kvpHref: string, opts: { maxZoom?: number; prefix?: string } = {}): string {
  const max = opts.maxZoom ?? 18;
  const prefix = opts.prefix ?? 'EPSG:3857:';
  const mercator = Array.from({ length: max + 1 }, (_, z) => {
    const n = 2 ** z;
    return `
      <TileMatrix>
        <ows:Identifier>${prefix}${z}</ows:Identifier>
        <ScaleDenominator>${559082264.0287178 / n}</ScaleDenominator>
        <TopLeftCorner>${-HALF} ${HALF}</TopLeftCorner>
        <TileWidth>256</TileWidth><TileHeight>256</TileHeight>
        <MatrixWidth>${n}</MatrixWidth><MatrixHeight>${n}</MatrixHeight>
      </TileMatrix>`;
  }).join('');
  const geographic = Array.from({ length: 4 }, (_, k) => {
    const z = k + 1;
    return `
      <TileMatrix>
        <ows:Identifier>${z}</ows:Identifier>
        <ScaleDenominator>${295829355.45 / 2 ** (z - 1)}</ScaleDenominator>
        <TopLeftCorner>90.0 -180.0</TopLeftCorner>
        <TileWidth>256</TileWidth><TileHeight>256</TileHeight>
        <MatrixWidth>${2 ** z}</MatrixWidth><MatrixHeight>${2 ** (z - 1)}</MatrixHeight>
      </TileMatrix>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
  xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
  <!-- an intranet government map service -->
  <ows:ServiceIdentification>
    <ows:Title>沙坪坝区政务电子地图</ows:Title>
    <ows:ServiceType>OGC WMTS</ows:ServiceType>
    <ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion>
  </ows:ServiceIdentification>
  <ows:OperationsMetadata>
    <ows:Operation name="GetCapabilities">
      <ows:DCP><ows:HTTP><ows:Get xlink:href="${kvpHref}?"><ows:Constraint name="GetEncoding">
        <ows:AllowedValues><ows:Value>KVP</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get></ows:HTTP></ows:DCP>
    </ows:Operation>
    <ows:Operation name="GetTile">
      <ows:DCP><ows:HTTP><ows:Get xlink:href="${kvpHref}?"><ows:Constraint name="GetEncoding">
        <ows:AllowedValues><ows:Value>KVP</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get></ows:HTTP></ows:DCP>
    </ows:Operation>
  </ows:OperationsMetadata>
  <Contents>
    <Layer>
      <ows:Title>电子地图 &amp; 注记</ows:Title>
      <ows:WGS84BoundingBox>
        <ows:LowerCorner>106.25 29.47</ows:LowerCorner><ows:UpperCorner>106.53 29.75</ows:UpperCorner>
      </ows:WGS84BoundingBox>
      <ows:Identifier>spb:vec</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
      <Format>image/jpeg</Format>
      <Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>c</TileMatrixSet></TileMatrixSetLink>
      <TileMatrixSetLink><TileMatrixSet>GoogleMapsCompatible</TileMatrixSet></TileMatrixSetLink>
      <ResourceURL format="image/png" resourceType="tile"
        template="${kvpHref}/spb:vec/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"/>
    </Layer>
    <TileMatrixSet>
      <ows:Identifier>c</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::4490</ows:SupportedCRS>${geographic}
    </TileMatrixSet>
    <TileMatrixSet>
      <ows:Identifier>GoogleMapsCompatible</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>
      <WellKnownScaleSet>urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible</WellKnownScaleSet>${mercator}
    </TileMatrixSet>
  </Contents>
</Capabilities>`;
}
